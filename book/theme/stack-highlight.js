// Highlighting for the stack language inside Rust attributes.
//
// highlight.js's Rust grammar (the 10.1 that mdBook bundles) colours an
// attribute as one `meta` span from `#[` to the first `]`, so the body of
// `#[resource(AWS::EC2::Subnet { cidr_block: "…", … })]` came out as a
// single red block, strings and references included. The stack language is
// written in Rust tokens, so this narrows `meta` to the attribute's name
// (`#[resource`, or all of a short one like `#[stack]`) and lets the Rust
// grammar colour the body: strings, numbers, paths, `sub!(…)`.
//
// book.js has already highlighted every block when this runs (mdBook loads
// additional-js last), so the blocks whose attributes were swallowed are
// highlighted again with the narrowed grammar. Without highlight.js, or with
// a version whose grammar does not look like this, nothing changes.
(function () {
    "use strict";
    const hljs = window.hljs;
    const rust = hljs && hljs.getLanguage && hljs.getLanguage("rust");
    if (!rust || typeof rust.rawDefinition !== "function") {
        return;
    }
    const definition = rust.rawDefinition();
    let narrowed = false;
    definition.contains = definition.contains.map(function (mode) {
        if (mode && mode.className === "meta" && String(mode.begin).indexOf("#") === 0) {
            narrowed = true;
            // `#[name`, `#![name`, `#[path::name`, and the `]` when it closes
            // the attribute at once (`#[stack]`).
            return { className: "meta", begin: /#!?\[\s*[A-Za-z_][\w:]*(\s*\])?/, relevance: 0 };
        }
        return mode;
    });
    if (!narrowed) {
        return;
    }
    hljs.registerLanguage("rust", function () { return definition; });

    document.querySelectorAll("code.language-rust").forEach(function (block) {
        // Only blocks with an attribute whose body was swallowed; leave
        // blocks with mdBook's hidden (`boring`) lines alone, since
        // re-highlighting from plain text would drop that markup.
        const swallowed = Array.prototype.some.call(
            block.querySelectorAll(".hljs-meta"),
            function (meta) { return /[({\n]/.test(meta.textContent); });
        if (!swallowed || block.querySelector(".boring")) {
            return;
        }
        block.textContent = block.textContent;
        hljs.highlightBlock(block);
    });
})();
