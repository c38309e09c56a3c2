// Loaded before the Decap bundle: admin.js starts the editor itself, with the configuration
// generated from schemas/ (editor.json) and the backend it finds.
window.CMS_MANUAL_INIT = true;
