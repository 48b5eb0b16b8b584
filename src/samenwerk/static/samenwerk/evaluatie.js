// The evaluatietafel's grid saves each cell as the notulist types (htmx). htmx does not swap
// error answers; a conflict (409) or a refusal (400) of a cell must be shown, so those swap too.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if ((status === 409 || status === 400) && event.detail.target && event.detail.target.closest(".sw-evaluatieschema")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
