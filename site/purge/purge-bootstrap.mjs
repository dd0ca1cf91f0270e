// Bootstrap cut down to the rules the site uses: site/static/vendor/bootstrap/bootstrap.site{,.rtl}.min.css.
//
//     cd site/purge && npm ci && node purge-bootstrap.mjs /path/to/site-packages/crispy_bootstrap5
//
// (`make css` passes the installed crispy-bootstrap5's folder.) PurgeCSS keeps every rule whose class
// appears, as a word, in any template, Python module or script of the project or in crispy-bootstrap5's
// templates (the forms' classes), so a class named in Python (a widget's attrs) is kept too. Classes
// the templates build from a value (alert-{{ message.level_tag }}) are kept by the safelist below.
// The complete files stay beside the output, and the committed output is what pages load.
import { PurgeCSS } from "purgecss";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const crispy = process.argv[2];
if (!crispy) throw new Error("give the crispy_bootstrap5 package folder as the first argument");

// Every app with templates (tests/core/test_purged_css.py checks none is missing).
const apps = ["accounts", "community", "core", "demo", "home", "learning", "network", "notifications", "outbox", "reminders", "site", "toolkits"];
const content = [
  ...apps.flatMap((app) => [`${root}/${app}/**/*.html`, `${root}/${app}/**/*.py`, `${root}/${app}/**/*.js`]),
  `${crispy}/templates/**/*.html`,
];
const safelist = {
  // alert-{{ message.level_tag }}: Django's message levels.
  standard: ["alert-success", "alert-info", "alert-warning", "alert-danger", "show", "active", "disabled"],
  // Pseudo-classes and state attributes are kept with their rule's own class.
  greedy: [/^was-validated/, /:focus/, /:hover/],
};

for (const [source, output] of [
  ["bootstrap.min.css", "bootstrap.site.min.css"],
  ["bootstrap.rtl.min.css", "bootstrap.site.rtl.min.css"],
]) {
  const folder = `${root}/site/static/vendor/bootstrap`;
  const [result] = await new PurgeCSS().purge({
    content,
    css: [`${folder}/${source}`],
    safelist,
    // CSS custom properties are cheap and read by our site.css: keep them all.
    variables: false,
    keyframes: false,
    fontFace: false,
  });
  const header = `/* Bootstrap 5.3 (MIT, see LICENSE) cut to the site's rules by site/purge/purge-bootstrap.mjs */\n`;
  writeFileSync(`${folder}/${output}`, header + result.css + "\n");
  console.log(`${output}: ${result.css.length} bytes`);
}
