// Starts Swagger UI on the API reference page (Pages/Api), over the app's own OpenAPI document. A file of its own, as the
// CSP allows no inline script; no validator badge (it would call validator.swagger.io).
(function () {
    "use strict";
    var container = document.getElementById("api-reference");
    if (!container || typeof window.SwaggerUIBundle !== "function") {
        return;
    }

    // The examples are scrollable blocks: each takes the keyboard's focus, so it can be scrolled without a mouse.
    new MutationObserver(function () {
        container.querySelectorAll("pre:not([tabindex])").forEach(function (block) {
            block.setAttribute("tabindex", "0");
        });
    }).observe(container, { childList: true, subtree: true });

    window.SwaggerUIBundle({
        url: container.getAttribute("data-document"),
        domNode: container,
        validatorUrl: null,
        deepLinking: false,
        defaultModelsExpandDepth: 0,
        docExpansion: "list"
    });
})();
