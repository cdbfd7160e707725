// The Review page: the reviewer's name remembered in this browser and sent with every correction, and the queue
// refreshed live (as tickets are triaged or corrected anywhere) unless the reviewer is busy with it.
(() => {
    const key = "ticketsense.reviewer";
    const reviewer = document.getElementById("reviewer");
    // Signed in, the field holds the signed-in name and is read-only; otherwise the name typed last in this browser.
    if (!reviewer.readOnly) {
        reviewer.value = localStorage.getItem(key) ?? "";
        reviewer.addEventListener("input", () => localStorage.setItem(key, reviewer.value.trim()));
    }

    document.addEventListener("submit", e => {
        const field = e.target.querySelector(".reviewer-field");
        if (!field) return;
        field.value = reviewer.value.trim();
        if (!field.value) {
            e.preventDefault();
            reviewer.focus();
            reviewer.setAttribute("aria-invalid", "true");
        }
    });

    const queue = document.getElementById("queue");
    let pending = false;
    async function refresh() {
        // Never pull the list from under a reviewer: wait until focus leaves it.
        if (queue.contains(document.activeElement)) { pending = true; return; }
        pending = false;
        const page = await fetch(location.pathname, { headers: { "Accept": "text/html" } });
        if (!page.ok) return;
        const fresh = new DOMParser().parseFromString(await page.text(), "text/html").getElementById("queue");
        if (fresh) queue.innerHTML = fresh.innerHTML;
    }
    queue.addEventListener("focusout", () => setTimeout(() => { if (pending) refresh(); }, 0));
    let timer;
    // dashboard.js (on every page) holds the one /live stream and passes each triaged event on.
    document.addEventListener("ticketsense:triaged", () => { clearTimeout(timer); timer = setTimeout(refresh, 500); });
})();
