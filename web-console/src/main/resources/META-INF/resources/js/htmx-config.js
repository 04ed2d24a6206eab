// htmx under the console's Content-Security-Policy (script-src 'self', no eval): nothing here needs eval (no hx-on,
// no js: values, no trigger filters), so htmx is told never to try; swapped fragments never run scripts either.
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
