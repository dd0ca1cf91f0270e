/* Installable and offline (see core/offline.py and learning/offline.py).

   - Registers the service worker for someone signed in and tells it whose copies may stay: the reader's
     opaque key from <meta name="offline-user">, or nobody, and it deletes every other person's copies.
   - "Keep for offline" on a course: stores, in that person's own cache, the course page and its lessons
     (fetched with their session, as they would see them in low-data mode: no video player), their
     images and documents, and the style sheets, scripts and fonts they use.
   - A lesson form sent offline (mark complete, a quiz, a reflection) is saved in IndexedDB with an id made
     here, and sent with a fresh CSRF token when the connection is back; the server grades it, and the
     lesson shows the result then. Another person's saved answers are never sent in this session.
   - Signing out asks the worker to drop every cache (the server's Clear-Site-Data does it too).
   Without a service worker, Cache Storage or IndexedDB, nothing here runs and the page works as before. */
(() => {
    "use strict";
    const script = document.currentScript;
    if (!("serviceWorker" in navigator) || !("caches" in window) || !("indexedDB" in window) || !window.isSecureContext) {
        return;
    }
    const meta = document.querySelector('meta[name="offline-user"]');
    const userKey = meta ? meta.content : null;
    const status = document.getElementById("offline-status");
    const texts = status ? status.dataset : {};
    // Only someone signed in has anything to keep: an anonymous reader gets no worker, and one left from
    // a signed-in visit is told that nobody is here, so it deletes the copies and unregisters itself.
    const ready = (userKey
        ? navigator.serviceWorker.register(script.dataset.worker, { scope: "/" })
        : navigator.serviceWorker.getRegistration("/")
    ).then((registration) => (registration ? navigator.serviceWorker.ready : null));
    const tellWorker = (message) =>
        ready.then((registration) => registration && registration.active && registration.active.postMessage(message));

    tellWorker({ type: "user", key: userKey });

    function say(text, link) {
        if (!status) {
            return;
        }
        const note = document.createElement("p");
        note.className = "alert alert-info mt-3";
        note.textContent = text;
        if (link) {
            note.append(" ");
            const anchor = document.createElement("a");
            anchor.href = link;
            anchor.textContent = texts.see;
            note.append(anchor);
        }
        status.replaceChildren(note);
    }

    // Keeping a course ----------------------------------------------------------------------------

    const sameOrigin = (address, base) => {
        const url = new URL(address, base);
        return url.origin === location.origin ? url.origin + url.pathname + url.search : null;
    };

    function subresources(html, base) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        const found = [];
        doc.querySelectorAll("link[rel~='stylesheet'][href], link[rel~='icon'][href], script[src], img[src]").forEach((element) => {
            found.push(element.getAttribute("href") || element.getAttribute("src"));
        });
        doc.querySelectorAll("img[srcset], source[srcset]").forEach((element) => {
            element.getAttribute("srcset").split(",").forEach((part) => found.push(part.trim().split(/\s+/)[0]));
        });
        return found.map((address) => sameOrigin(address, base)).filter(Boolean);
    }

    // The copy kept is the page in low-data mode (core/low_data.py): a video comes as a link with its
    // transcript open instead of a player. Offline a player cannot play, and its frame is worse than
    // empty: Chromium puts its "No internet" page in it, which takes the focus from the lesson as it
    // loads, so the reader's first tap or key press (Mark as complete) goes to the dead frame instead.
    const LIGHT = { credentials: "same-origin", headers: { "Save-Data": "on" } };

    async function keep(box) {
        const button = box.querySelector("button");
        const out = box.querySelector("[data-offline-keep-status]");
        button.disabled = true;
        out.textContent = texts.keeping;
        try {
            await ready;
            const answer = await fetch(box.dataset.offlineKeep, { credentials: "same-origin", headers: { Accept: "application/json" } });
            if (!answer.ok) {
                throw new Error(`list: ${answer.status}`);
            }
            const list = await answer.json();
            const cache = await caches.open(`kept-${list.key}`);
            const files = new Set(list.files.map((address) => sameOrigin(address, location.href)).filter(Boolean));
            for (const address of list.pages) {
                const response = await fetch(address, LIGHT);
                if (!response.ok || response.redirected) {
                    throw new Error(`page: ${address} ${response.status}`);
                }
                await cache.put(address, response.clone());
                subresources(await response.text(), response.url).forEach((file) => files.add(file));
            }
            // The fonts the style sheets loaded on this page: a lesson offline reads in the same letters.
            performance.getEntriesByType("resource").forEach((entry) => {
                const file = entry.initiatorType === "css" && sameOrigin(entry.name, location.href);
                if (file) {
                    files.add(file);
                }
            });
            for (const file of files) {
                const response = await fetch(file, { credentials: "same-origin" });
                if (response.ok) {
                    await cache.put(file, response);
                }
            }
            out.textContent = list.message;
        } catch (error) {
            out.textContent = texts.keepFailed;
        } finally {
            button.disabled = false;
        }
    }

    document.querySelectorAll("[data-offline-keep]").forEach((box) => {
        if (!userKey) {
            return;
        }
        box.hidden = false;
        box.querySelector("button").addEventListener("click", () => keep(box));
        caches
            .open(`kept-${userKey}`)
            .then((cache) => cache.match(location.pathname, { ignoreVary: true }))
            .then((kept) => {
                const out = box.querySelector("[data-offline-keep-status]");
                if (kept && !out.textContent) {
                    out.textContent = texts.keptBefore;
                }
            });
    });

    // The queue of what was done offline ---------------------------------------------------------

    const STORE = "sends";
    const database = new Promise((resolve, reject) => {
        const request = indexedDB.open("offline-queue", 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });

    function inStore(mode, act) {
        return database.then(
            (db) =>
                new Promise((resolve, reject) => {
                    const transaction = db.transaction(STORE, mode);
                    const request = act(transaction.objectStore(STORE));
                    transaction.oncomplete = () => resolve(request.result);
                    transaction.onerror = () => reject(transaction.error);
                }),
        );
    }

    async function queue(form) {
        const fields = [...new FormData(form).entries()].filter(([, value]) => typeof value === "string");
        await inStore("readwrite", (store) =>
            store.put({
                id: crypto.randomUUID(),
                key: userKey,
                action: form.action,
                page: location.pathname,
                fields,
                queuedAt: Date.now(),
            }),
        );
        form.querySelectorAll("button, input, textarea").forEach((element) => {
            element.disabled = true;
        });
        const note = document.createElement("p");
        note.className = "alert alert-info mt-3";
        note.setAttribute("role", "status");
        note.dataset.offlineQueued = "";
        note.textContent = texts.queued;
        form.after(note);
    }

    document.addEventListener(
        "submit",
        (event) => {
            const form = event.target;
            if (form.matches("[data-offline-clear]")) {
                tellWorker({ type: "clear" });
                return;
            }
            if (!form.matches("[data-offline-queue]") || navigator.onLine || !userKey) {
                return;
            }
            // Before htmx sees it: offline, the answer waits on the device instead of failing.
            event.preventDefault();
            event.stopImmediatePropagation();
            queue(form);
        },
        true,
    );
    // Online by the browser's account, yet the request never arrived: it waits too.
    document.addEventListener("htmx:sendError", (event) => {
        const form = event.detail.elt && event.detail.elt.closest("form[data-offline-queue]");
        if (form && userKey) {
            queue(form);
        }
    });

    function showResult(item, response, html) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        const fresh = doc.getElementById("lesson");
        const here = document.getElementById("lesson");
        const onThatLesson = location.pathname === item.page;
        if (onThatLesson && !fresh && response.redirected) {
            location.assign(response.url); // the course is completed: its page marks the moment
            return;
        }
        if (onThatLesson && fresh && here) {
            here.replaceWith(fresh);
            if (window.htmx) {
                window.htmx.process(fresh);
            }
            say(texts.sent);
            return;
        }
        say(texts.sent, fresh ? item.page : response.url);
    }

    let sending = false;
    async function sendQueued() {
        if (sending || !navigator.onLine || !userKey) {
            return;
        }
        sending = true;
        try {
            const items = await inStore("readonly", (store) => store.getAll());
            for (const item of items.sort((a, b) => a.queuedAt - b.queuedAt)) {
                if (item.key !== userKey) {
                    continue; // another person's: it waits for them to sign in again
                }
                const token = document.querySelector("input[name='csrfmiddlewaretoken']");
                const body = new FormData();
                for (const [name, value] of item.fields) {
                    body.append(name, name === "csrfmiddlewaretoken" && token ? token.value : value);
                }
                body.append("submission_id", item.id);
                // Whose it is: the server refuses it in anyone else's session (a page of hers left open
                // while someone else signed in on this phone).
                body.append("offline_user", item.key);
                let response;
                try {
                    response = await fetch(item.action, { method: "POST", body, credentials: "same-origin" });
                } catch (error) {
                    break; // still no connection: everything waits for the next try
                }
                if (response.status >= 500) {
                    continue; // the server could not answer now: it is sent again next time
                }
                const html = await response.text();
                const answer = new DOMParser().parseFromString(html, "text/html");
                const owner = answer.querySelector('meta[name="offline-user"]');
                if (!owner || owner.content !== item.key) {
                    // The session is no longer hers (it ended: the sign-in page; or it is someone else's):
                    // nothing was recorded, so it is kept for her and nothing is said to have been sent.
                    break;
                }
                await inStore("readwrite", (store) => store.delete(item.id));
                showResult(item, response, html);
            }
        } finally {
            sending = false;
        }
    }

    window.addEventListener("online", sendQueued);
    sendQueued();
})();
