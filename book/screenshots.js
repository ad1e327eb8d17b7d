// Screenshots of the built book in headless Chromium, at a desktop width
// (1280 px) and a phone width (390 px), for checking its rendering by eye.
// Run through book/screenshots.sh, which builds the book and installs
// playwright-core; a developer tool, not part of CI.
//
//   node book/screenshots.js BOOK_DIR OUT_DIR
//
// For each view it scrolls the chosen element to the top of the window and
// saves OUT_DIR/<width>-<name>.png. It also prints what is easy to get wrong
// and hard to see in a small picture: how large a diagram's text renders,
// and whether a block of compiler output wraps (it must scroll instead, or
// the `^^^` carets drift from the token they point at).
"use strict";

const path = require("path");
const { chromium } = require("playwright-core");

const [bookDir, outDir] = process.argv.slice(2);
if (!bookDir || !outDir) {
    console.error("usage: node screenshots.js BOOK_DIR OUT_DIR");
    process.exit(2);
}

// name, page (relative to the book), element to scroll to (CSS selector and
// optionally a text it must contain); no selector: the top of the page.
const VIEWS = [
    ["introduction", "introduction.html"],
    ["api-link", "introduction.html", "li", "API documentation"],
    ["quiz", "quiz.html"],
    ["quiz-question-4", "quiz.html", "#question-4"],
    ["stack-attribute", "nat-gateway.html", "pre", "#[resource(AWS::EC2::Subnet"],
    ["compiler-output", "nat-gateway.html", "pre", "^^^"],
    ["bridge-diagram", "bridge-networking.html", "figure.diagram"],
    ["awsvpc-diagram", "task-networking.html", "figure.diagram"],
    ["resource-graph", "configuring-task-networking.html", "figure.diagram"],
    ["api", "api/ecsnet/index.html"],
    ["api-aws", "api/ecsnet/aws/index.html"],
];
const WIDTHS = [[1280, 900], [390, 844]];

// Graphviz's smallest font in the diagrams, in px at the SVG's own size
// (10 pt; book/src/diagrams/*.dot).
const SMALLEST_FONT_PX = 10 * 4 / 3;

async function main() {
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"],
    });
    let problems = 0;
    for (const [width, height] of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height } });
        page.on("pageerror", (e) => { problems++; console.log(`  page error: ${e.message}`); });
        for (const [name, file, selector, text] of VIEWS) {
            const url = "file://" + path.resolve(bookDir, file);
            const response = await page.goto(url).catch((e) => e);
            if (response instanceof Error) {
                problems++;
                console.log(`${width}px ${name}: cannot open ${file}: ${response.message}`);
                continue;
            }
            if (selector) {
                const found = await page.evaluate(([selector, text]) => {
                    const element = Array.from(document.querySelectorAll(selector))
                        .find((e) => !text || e.textContent.includes(text));
                    if (!element) return false;
                    element.scrollIntoView({ block: "start" });
                    // Clear of the menu bar, which stays at the top.
                    window.scrollBy(0, -60);
                    return true;
                }, [selector, text]);
                if (!found) {
                    problems++;
                    console.log(`${width}px ${name}: no ${selector} ${text || ""} in ${file}`);
                    continue;
                }
            }
            await page.waitForTimeout(150);
            // Only code and diagrams may scroll sideways, never the page.
            const overflow = await page.evaluate(
                () => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 0) {
                problems++;
                console.log(`${width}px ${name}: the page is ${overflow} px wider than the window`);
            }
            const out = path.join(outDir, `${width}-${name}.png`);
            await page.screenshot({ path: out });
            console.log(`${width}px ${name}: ${out}`);
        }

        // Diagram text size, on every page with a diagram.
        for (const file of ["bridge-networking.html", "task-networking.html",
                            "configuring-task-networking.html"]) {
            await page.goto("file://" + path.resolve(bookDir, file));
            const sizes = await page.evaluate(() => Array.from(
                document.querySelectorAll("figure.diagram img"),
                (img) => [img.getAttribute("src"), img.clientWidth, img.naturalWidth]));
            for (const [src, shown, natural] of sizes) {
                const px = SMALLEST_FONT_PX * shown / natural;
                const verdict = px >= 9 ? "ok" : "TOO SMALL";
                if (px < 9) problems++;
                console.log(`${width}px ${src}: ${shown} of ${natural} px wide, ` +
                            `smallest text about ${px.toFixed(1)} px (${verdict})`);
            }
        }

        // Compiler output must not wrap: each line renders one line high.
        await page.goto("file://" + path.resolve(bookDir, "print.html"));
        const wrapped = await page.evaluate(() => {
            const out = [];
            for (const code of document.querySelectorAll("pre code.language-console")) {
                const lines = code.textContent.replace(/\n$/, "").split("\n").length;
                const lineHeight = parseFloat(getComputedStyle(code).lineHeight);
                const style = getComputedStyle(code);
                const inner = code.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                if (inner > (lines + 0.5) * lineHeight) {
                    out.push(code.textContent.split("\n")[0].slice(0, 70));
                }
            }
            return out;
        });
        problems += wrapped.length;
        console.log(`${width}px compiler output blocks that wrap: ${wrapped.length}`);
        for (const first of wrapped.slice(0, 5)) console.log(`  ${first}`);
        await page.close();
    }
    await browser.close();
    console.log(problems ? `${problems} problem(s)` : "no problems found");
    process.exit(problems ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
