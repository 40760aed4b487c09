// Styles of PostCheck's own UI (overlay underlines, badge, card, prompt),
// adopted by its shadow root as a constructed stylesheet: not a <style> or
// <link> element, so the page's CSP (style-src) has nothing to block.
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer, .ui { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; pointer-events: none; }

/* Underlines for textareas and inputs (and contenteditable where the
   Highlight API is missing): a transparent copy of the box's text laid out
   exactly like it, with the flagged spans decorated. */
.mirror {
  position: fixed; overflow: hidden; pointer-events: none; color: transparent !important;
  background: transparent !important; border-color: transparent !important; margin: 0;
  -webkit-text-fill-color: transparent; user-select: none;
}
.mirror-inner { position: relative; }
span.mark { text-underline-offset: 3px; }
span.mark.sev-serious { text-decoration: underline wavy #c5221f 2px; text-decoration-skip-ink: none; background: rgba(197, 34, 31, 0.12); }
span.mark.sev-warning { text-decoration: underline wavy #d56e00 1.5px; text-decoration-skip-ink: none; }
span.mark.sev-advice { text-decoration: underline dotted #1a5fb4 2px; text-decoration-skip-ink: none; }
span.mark.sev-info { text-decoration: underline dashed #6b7280 1px; text-decoration-skip-ink: none; }
span.mark.active { background: rgba(255, 196, 0, 0.35); }

/* Underlines from range rectangles (contenteditable without the Highlight API). */
.rect { position: fixed; pointer-events: none; height: 4px; }
.rect.sev-serious { background:
  linear-gradient(135deg, transparent 35%, #c5221f 35% 65%, transparent 65%) 0 0 / 6px 4px repeat-x,
  linear-gradient(45deg, transparent 35%, #c5221f 35% 65%, transparent 65%) 3px 0 / 6px 4px repeat-x; }
.rect.sev-warning { background:
  linear-gradient(135deg, transparent 40%, #d56e00 40% 60%, transparent 60%) 0 0 / 6px 4px repeat-x,
  linear-gradient(45deg, transparent 40%, #d56e00 40% 60%, transparent 60%) 3px 0 / 6px 4px repeat-x; }
.rect.sev-advice { border-bottom: 2px dotted #1a5fb4; height: 2px; }
.rect.sev-info { border-bottom: 1px dashed #6b7280; height: 1px; }
.rect.active { background-color: rgba(255, 196, 0, 0.35); }

/* The badge near the composer. */
.badge {
  position: fixed; z-index: 1; pointer-events: auto; display: inline-flex; align-items: center; gap: 4px;
  height: 22px; min-width: 22px; padding: 0 7px; border-radius: 11px; border: 2px solid #fff;
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; cursor: pointer;
  box-shadow: 0 1px 3px rgba(0,0,0,.35); background: #5f6368;
}
.badge[data-worst="serious"] { background: #b3261e; }
.badge[data-worst="warning"] { background: #c25e00; }
.badge[data-worst="advice"] { background: #1a5fb4; }
.badge[data-worst="info"] { background: #5f6368; }
.badge:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }

/* The card. */
.card, .prompt {
  position: fixed; z-index: 2; pointer-events: auto; width: min(360px, calc(100vw - 16px));
  background: #fff; color: #1f1f1f; border: 1px solid #c7c7c7; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 12px 14px 10px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
.card[hidden], .prompt[hidden], .badge[hidden] { display: none; }
.card:focus { outline: none; }
.card:focus-visible { outline: 3px solid #ffbf47; }
.head { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; }
.sev { font-size: 12px; font-weight: 700; padding: 1px 7px; border-radius: 9px; color: #fff; white-space: nowrap; }
.sev-chip-serious { background: #b3261e; } .sev-chip-warning { background: #c25e00; }
.sev-chip-advice { background: #1a5fb4; } .sev-chip-info { background: #5f6368; }
.title { font-weight: 700; font-size: 14px; margin: 0; flex: 1; }
.close { all: unset; cursor: pointer; width: 24px; height: 24px; text-align: center; border-radius: 12px; font-size: 18px; line-height: 24px; color: #444; }
.close:hover { background: #eee; }
.close:focus-visible { outline: 2px solid #1a5fb4; }
.flagged { margin: 0 0 6px; font-size: 13px; color: #444; }
.flagged q { font-style: italic; }
.message { margin: 0 0 8px; }
.cite { margin: 0 0 8px; font-size: 12.5px; color: #3c3c3c; border-left: 3px solid #d0d0d0; padding-left: 8px; }
.cite ul { margin: 2px 0 0; padding: 0 0 0 16px; }
.safer { margin: 0 0 10px; background: #eef6ee; border-radius: 6px; padding: 6px 8px; font-size: 13px; }
.safer-label { font-weight: 700; display: block; margin-bottom: 2px; color: #1e5e20; }
.safer-row { display: flex; gap: 8px; align-items: flex-start; }
.safer-text { flex: 1; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
button.btn {
  all: unset; cursor: pointer; font: 600 12.5px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 6px 10px; border-radius: 6px; border: 1px solid #b9b9b9; background: #f6f6f6; color: #1f1f1f; white-space: nowrap;
}
button.btn:hover { background: #ececec; }
button.btn:focus-visible, a.learn:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
button.btn.primary { background: #1a5fb4; border-color: #1a5fb4; color: #fff; }
button.btn.primary:hover { background: #174f96; }
button.copy { padding: 4px 8px; font-size: 12px; }
a.learn { color: #1a5fb4; font-size: 12.5px; margin-left: auto; cursor: pointer; text-decoration: underline; }
.nav { display: flex; align-items: center; gap: 6px; margin-top: 8px; font-size: 12px; color: #555; }
.nav button.btn { padding: 3px 8px; }
.status { font-size: 12px; color: #1e5e20; margin-top: 6px; }
.status:empty { display: none; }
.prompt { width: min(340px, calc(100vw - 16px)); border-color: #c25e00; border-width: 2px; }
.prompt p { margin: 0 0 10px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .card, .prompt { background: #242526; color: #e4e6eb; border-color: #3e4042; }
  .flagged, .cite { color: #c9ccd1; } .cite { border-left-color: #555; }
  .safer { background: #1f3320; } .safer-label { color: #8fd18f; }
  button.btn { background: #3a3b3c; border-color: #555; color: #e4e6eb; }
  button.btn:hover { background: #4a4b4c; }
  .close { color: #ccc; } .close:hover { background: #3a3b3c; }
  a.learn { color: #8ab4f8; } .nav { color: #b0b3b8; } .status { color: #8fd18f; }
}
@media (prefers-reduced-motion: no-preference) { .card, .prompt { transition: opacity .08s ease-out; } }
`;
