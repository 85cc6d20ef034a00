// Loads uPlot (vendored under ui/vendor/uplot) the first time a chart is drawn.
//
// uPlot builds an Intl.NumberFormat from navigator.language when it loads. Under a
// POSIX locale (LANG=C, as on many build machines and some minimal desktops) WebKitGTK
// reports the language as "C", which Intl rejects, and the library would fail to load.
// In that case the page's language is given as plain English first.

let loading = null;

function languageIsUsable() {
  try {
    new Intl.NumberFormat(navigator.language);
    return true;
  } catch (error) {
    return false;
  }
}

export function loadUPlot() {
  if (!loading) {
    if (!languageIsUsable()) {
      Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
    }
    loading = import('../vendor/uplot/uPlot.esm.js').then((m) => m.default);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
