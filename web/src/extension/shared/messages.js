// Message types between the content script, the extension pages and the
// service worker (nothing here ever leaves the device).
//
// Drafts go over a long-lived port (runtime.connect, name PORT.CHECK), one
// per frame, so a check is one message each way (see content/check-channel.js):
//
//   content -> sw   { id, text, platform }                -> { id, findings } | { id, error }
//
// Everything else is a one-time runtime.sendMessage:
//
//   content -> sw   WARM    {}                            -> { ok }  (start the checker before typing)
//   content -> sw   COUNT   { count, worst, reset? }      -> sets the toolbar badge for the sender's tab
//                                                            (reset: a new page in the tab, from its top frame)
//   content -> sw   DISABLE_RULE { rule }                 -> { ok }  (adds it to the turned-off rules)
//   content -> sw   OPEN_PAGE { page, hash }              -> opens explain.html or the options page in a tab
//   page    -> sw   RULES   {}                            -> { rules, version }
//   options -> sw   SYNC_SITES {}                         -> re-registers the content script on granted sites
export const PORT = Object.freeze({
  CHECK: 'postcheck/check',
});

export const MSG = Object.freeze({
  WARM: 'postcheck/warm',
  COUNT: 'postcheck/count',
  DISABLE_RULE: 'postcheck/disable-rule',
  OPEN_PAGE: 'postcheck/open-page',
  RULES: 'postcheck/rules',
  SYNC_SITES: 'postcheck/sync-sites',
});
