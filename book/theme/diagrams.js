// Diagrams stay legible on narrow pages.
//
// A Graphviz SVG scaled down to the text column shrinks its labels with it:
// the resource graph's 10 pt labels came out about 3 px high. This gives
// every diagram a minimum width of 70% of its own size, so the smallest
// label stays about 9 px, and the box around it (`.diagram-scroll`,
// ecsnet.css) scrolls sideways when the column is narrower. Each diagram
// also links to its SVG at full size. Without JavaScript, diagrams fit the
// column as before.
(function () {
    "use strict";
    const LEGIBLE_SCALE = 0.7;
    document.querySelectorAll(".diagram img").forEach(function (img) {
        function fit() {
            if (img.naturalWidth > 0) {
                img.style.minWidth = Math.round(img.naturalWidth * LEGIBLE_SCALE) + "px";
            }
        }
        if (img.complete) {
            fit();
        } else {
            img.addEventListener("load", fit);
        }
    });
})();
