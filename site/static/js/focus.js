// After htmx swaps in the answer to a form, move the focus where the page would have put it without
// JavaScript: to the first error, else to the result the form names in data-focus-after (without
// JavaScript the page opens at that #fragment, which takes the focus). htmx itself focuses an
// [autofocus] element in what it swapped in.
(function () {
  document.addEventListener("htmx:afterSettle", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    var swapped = event.target;  // the new content: with outerHTML swaps the old target is gone
    if (!form || !swapped || !swapped.isConnected || !swapped.querySelector) { return; }
    var error = swapped.querySelector("[aria-invalid=true], .alert-danger[tabindex]");
    var id = form.getAttribute("data-focus-after");
    var next = error || (id && document.getElementById(id));
    if (next && document.activeElement !== next) { next.focus(); }
  });
})();
