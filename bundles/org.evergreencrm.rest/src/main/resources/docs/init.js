// Swagger UI for Evergreen: the API document is public, every call needs the Authorize button (HTTP Basic).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // never keep the password in localStorage: the login lasts as long as the page
    persistAuthorization: false,
    // the document is ours; no "explore" box that loads another URL
    configUrl: null,
    queryConfigEnabled: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
};
