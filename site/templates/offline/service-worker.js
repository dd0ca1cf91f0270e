/* The site's service worker (served at /sw.js by core.offline, which writes CONFIG).

   It keeps nothing by itself. Pages are always asked of the network first; only when the network fails does
   it answer from the copies a trainee chose to keep ("Keep for offline" on a course, js/offline.js), and
   only from the copies of the person the last page named (each page carries their opaque key, or none when
   nobody is signed in, and the worker deletes every other person's copies). Sign-out clears everything
   (the server's Clear-Site-Data header, and the "clear" message the page sends as the form leaves). */
// Its version (the static files' digest) changes its bytes at each deploy, which makes browsers update it.
const CONFIG = {{ config|safe }};
const KEPT = "kept-";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
    event.waitUntil(self.clients.claim());
});

async function keptCaches() {
    return (await caches.keys()).filter((name) => name.startsWith(KEPT));
}

async function keepOnly(name) {
    await Promise.all((await keptCaches()).filter((other) => other !== name).map((other) => caches.delete(other)));
}

self.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "user" && data.key) {
        // Someone else may be signed in now: the copies of anyone else must go.
        event.waitUntil(keepOnly(KEPT + data.key));
    } else if (data.type === "user") {
        // Nobody is signed in: nothing may stay, and nothing is left to serve.
        event.waitUntil(keepOnly(null).then(() => self.registration.unregister()));
    } else if (data.type === "clear") {
        event.waitUntil(caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))));
    }
});

async function fromKept(request) {
    for (const name of await keptCaches()) {
        const cache = await caches.open(name);
        // Pages answer with "Vary: Cookie": the Cache API cannot see cookies, so it would never match.
        const response = await cache.match(request, { ignoreVary: true });
        if (response) {
            return response;
        }
    }
    return null;
}

// Kept copies are pages in low-data mode, as js/offline.js fetched them: no video player, whose frame
// offline shows "No internet" and takes the focus from the lesson.
const LIGHT = { credentials: "same-origin", headers: { "Save-Data": "on" } };

async function refreshKept(request, response) {
    // A kept lesson read online is stored again, so the offline copy shows the latest progress. The page
    // just read is that copy when the browser asked for light pages; otherwise the light one is asked for.
    const holding = [];
    for (const name of await keptCaches()) {
        const cache = await caches.open(name);
        if (await cache.match(request, { ignoreVary: true })) {
            holding.push(cache);
        }
    }
    if (!holding.length) {
        return;
    }
    if (request.headers.get("Save-Data") !== "on") {
        response = await fetch(request.url, LIGHT);
        if (!response.ok || response.redirected) {
            return;
        }
    }
    await Promise.all(holding.map((cache) => cache.put(request.url, response.clone())));
}

async function networkThenKept(event) {
    const request = event.request;
    try {
        const response = await fetch(request);
        if (request.mode === "navigate" && response.ok && !response.redirected && response.type === "basic") {
            event.waitUntil(refreshKept(request, response.clone()).catch(() => undefined));
        }
        return response;
    } catch (error) {
        const kept = await fromKept(request);
        if (kept) {
            return kept;
        }
        throw error;
    }
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
        return;
    }
    event.respondWith(networkThenKept(event));
});
