// Opt-in alerts for new urgent handovers: a short tone (Web Audio, no file to fetch) and a browser notification.
// The choice is remembered per browser; notifications need the person's permission, asked when they switch it on.
const key = "inbox.urgentAlerts";

export function enabled() {
    return localStorage.getItem(key) === "on";
}

export async function setEnabled(on) {
    if (on && "Notification" in window && Notification.permission === "default") {
        try { await Notification.requestPermission(); } catch { /* the tone still works */ }
    }
    localStorage.setItem(key, on ? "on" : "off");
    return on;
}

export function ring(text) {
    try {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.2, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.6);
    } catch { /* no audio device */ }
    if ("Notification" in window && Notification.permission === "granted") {
        new Notification("Inbox", { body: text, tag: "urgent-handover" });
    }
}
