// Small helpers the inbox page calls through JS interop; everything else is Blazor.
window.inbox = {
    // A search result opens its thread at the message.
    scrollToMessage(id) {
        document.getElementById(id)?.scrollIntoView({ block: "center" });
    },

    // Keyboard shortcuts: keys come from the C# table (Shortcuts.cs); typing in a field is never a shortcut,
    // except the Ctrl combinations and Escape.
    listenForShortcuts(component, keys) {
        const wanted = new Set(keys);
        const handler = event => {
            const target = event.target;
            const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
                || target instanceof HTMLSelectElement || target?.isContentEditable;
            const ctrl = event.ctrlKey || event.metaKey;
            if (event.altKey || (typing && !ctrl)) return;
            const key = (ctrl ? "ctrl+" : "") + event.key;
            if (!wanted.has(key)) return;
            event.preventDefault();
            component.invokeMethodAsync("OnShortcut", event.key, ctrl);
        };
        document.addEventListener("keydown", handler);
        return { dispose: () => document.removeEventListener("keydown", handler) };
    },

    // Focus the first input inside an element (the search box's field).
    focusWithin(selector) {
        document.querySelector(selector)?.querySelector("input,textarea")?.focus();
    },
};
