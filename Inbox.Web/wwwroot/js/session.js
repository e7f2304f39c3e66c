// Automatic logoff, the friendly half. The server decides when a session ends (idle and absolute limits);
// this script tells it the person is still working (a ping at most once a minute while they type, click
// or scroll — a Blazor circuit makes no HTTP requests of its own), warns a minute before an idle sign-out,
// and then goes to the sign-in page so the circuit with patient data on screen closes.
(() => {
    const body = document.body;
    if (body.dataset.signedIn !== "true") return;
    const idleMs = Number(body.dataset.idleTimeoutSeconds) * 1000;
    if (!(idleMs > 0)) return;
    const warnMs = Math.max(idleMs - 60_000, idleMs / 2);
    const pingEveryMs = Math.min(60_000, idleMs / 3);

    let lastActivity = Date.now();
    let lastPing = Date.now();
    let warning = null;

    const ping = () => {
        lastPing = Date.now();
        fetch("/account/activity", { method: "POST", headers: { "X-Inbox-Activity": "1" }, credentials: "same-origin" })
            .catch(() => { /* offline: the reconnect banner already says so */ });
    };

    const showWarning = () => {
        if (warning) return;
        warning = document.createElement("div");
        warning.className = "idle-warning";
        warning.setAttribute("role", "alertdialog");
        warning.setAttribute("data-testid", "idle-warning");
        warning.textContent = "You will be signed out in a minute to protect patient data. Move the mouse or press a key to stay signed in.";
        body.appendChild(warning);
    };

    const onActivity = () => {
        lastActivity = Date.now();
        if (warning) { warning.remove(); warning = null; }
        if (Date.now() - lastPing >= pingEveryMs) ping();
    };

    for (const type of ["keydown", "mousedown", "mousemove", "wheel", "touchstart"]) {
        window.addEventListener(type, onActivity, { passive: true, capture: true });
    }

    setInterval(() => {
        const idle = Date.now() - lastActivity;
        if (idle >= idleMs) location.assign("/account/login?reason=idle");
        else if (idle >= warnMs) showWarning();
    }, 5_000);
})();
