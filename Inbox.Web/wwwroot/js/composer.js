// Enter sends, Shift+Enter adds a line: stop the browser's newline for a plain Enter in a composer.
// The keydown still reaches Blazor, which sends. Text being composed with an IME is left alone.
document.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing
        && event.target instanceof HTMLTextAreaElement && event.target.dataset.enterSends === "true") {
        event.preventDefault();
    }
}, true);
