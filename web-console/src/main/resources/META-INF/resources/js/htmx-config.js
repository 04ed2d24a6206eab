// htmx under the console's Content-Security-Policy: no eval (nothing here needs it: no hx-on, no js: values, no
// trigger filters), no scripts run from swapped fragments, and its indicator rules come from console.css instead of
// an inline <style> (read when the document is ready, after this file).
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
htmx.config.includeIndicatorStyles = false;
