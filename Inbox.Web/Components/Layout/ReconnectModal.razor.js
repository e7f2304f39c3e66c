// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

let backOnlineTimer;
let wasDown = false;

// show() rather than showModal(): a banner that leaves the page usable, not a blocking dialog.
function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        clearTimeout(backOnlineTimer);
        reconnectModal.classList.remove("components-back-online");
        wasDown = true;
        if (!reconnectModal.open) reconnectModal.show();
    } else if (event.detail.state === "hide") {
        if (wasDown) showBackOnline(); else reconnectModal.close();
    } else if (event.detail.state === "rejected") {
        location.reload();
    } else {
        // retrying, failed, paused, resume-failed: the banner stays up with the matching line.
        wasDown = true;
        if (!reconnectModal.open) reconnectModal.show();
        if (event.detail.state === "failed") {
            document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        }
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                showBackOnline();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}

function showBackOnline() {
    wasDown = false;
    reconnectModal.classList.add("components-back-online");
    if (!reconnectModal.open) reconnectModal.show();
    clearTimeout(backOnlineTimer);
    backOnlineTimer = setTimeout(() => {
        reconnectModal.classList.remove("components-back-online");
        reconnectModal.close();
    }, 4000);
}
