// Builds static/dist/ from our Sass and the pinned govuk-frontend and MOJ Frontend packages.
// Works offline after `npm ci`: it reads only node_modules and static/scss.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const moj = join(root, "node_modules", "@ministryofjustice", "frontend", "moj");
const dist = join(root, "static", "dist");

// GOV.UK images we ship. Every image in govuk-frontend's assets shows the crown or
// the GOV.UK brand (favicons, crest, app icons, Open Graph image), and a service
// that is not on GOV.UK must not use them, so the list is deliberately empty.
// Fonts are not copied either: GDS Transport is licensed for GOV.UK only.
const GOVUK_IMAGES = [];

// MOJ Frontend's filter pattern (static/scss/_register.scss) draws its close and remove crosses
// with these icons (no branding); they are copied to dist/assets/moj/, where its CSS points.
const MOJ_IMAGES = [
  "icon-close-cross-black.svg",
  "icon-tag-remove-cross.svg",
  "icon-tag-remove-cross-white.svg",
  "icon-toggle-plus-minus.svg",
];
const MOJ_IMAGE_URL = /url\(assets\/moj\/([a-z-]+\.svg)\)/gi;

// MOJ Frontend's JavaScript: only the modules our pages use, each a self-contained ES module.
const MOJ_MODULES = ["filter-toggle-button"];

async function buildCss() {
  const result = sass.compile(join(root, "static", "scss", "portal.scss"), {
    style: "compressed",
    sourceMap: false,
    // The project root too: MOJ Frontend's Sass forwards "node_modules/govuk-frontend/...".
    loadPaths: [join(root, "node_modules"), root],
    // govuk-frontend 5.x is written for @import and old global functions; its
    // own deprecation warnings are not ours to fix (6.x moves to modules).
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin"],
  });
  const css = result.css;
  // Guard the branding rules in portal.scss: fail the build, not the review. The only images
  // allowed are the MOJ icons copied below.
  const forbidden = [/GDS Transport/i, /@font-face/i, /url\(/i];
  const unlisted = [...css.matchAll(MOJ_IMAGE_URL)].map((m) => m[1]).filter((name) => !MOJ_IMAGES.includes(name));
  if (unlisted.length) {
    throw new Error(`portal.css uses MOJ images not in MOJ_IMAGES: ${unlisted.join(", ")}`);
  }
  const withoutMojImages = css.replace(MOJ_IMAGE_URL, "");
  for (const pattern of forbidden) {
    if (pattern.test(withoutMojImages)) {
      throw new Error(`portal.css must not contain ${pattern}`);
    }
  }
  await writeFile(join(dist, "portal.css"), css + "\n");
  return css.length;
}

async function copyMojJs() {
  let bytes = 0;
  for (const name of MOJ_MODULES) {
    const source = await readFile(join(moj, "components", name, `${name}.bundle.mjs`), "utf8");
    const js = source.replace(/\/\/# sourceMappingURL=\S+\s*$/, "");
    await writeFile(join(dist, `moj-${name}.mjs`), js.trimEnd() + "\n");
    bytes += js.length;
  }
  return bytes;
}

async function copyMojImages() {
  const target = join(dist, "assets", "moj");
  await mkdir(target, { recursive: true });
  for (const name of MOJ_IMAGES) {
    await writeFile(join(target, name), await readFile(join(moj, "assets", "images", name)));
  }
  return MOJ_IMAGES.length;
}

async function copyJs() {
  const source = await readFile(join(govuk, "govuk-frontend.min.js"), "utf8");
  // Drop the source map comment: the map is not shipped, so browsers would ask for a 404.
  const js = source.replace(/\/\/# sourceMappingURL=\S+\s*$/, "");
  if (js === source) {
    throw new Error("govuk-frontend.min.js changed shape: no sourceMappingURL comment found");
  }
  await writeFile(join(dist, "govuk-frontend.min.js"), js.trimEnd() + "\n");
  return js.length;
}

async function copyImages() {
  if (GOVUK_IMAGES.length === 0) return 0;
  const target = join(dist, "assets", "images");
  await mkdir(target, { recursive: true });
  for (const name of GOVUK_IMAGES) {
    await writeFile(join(target, name), await readFile(join(govuk, "assets", "images", name)));
  }
  return GOVUK_IMAGES.length;
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const cssBytes = await buildCss();
const jsBytes = await copyJs();
const images = await copyImages();
const mojJsBytes = await copyMojJs();
const mojImages = await copyMojImages();
console.log(
  `static/dist: portal.css (${cssBytes} bytes), govuk-frontend.min.js (${jsBytes} bytes), ${images} GOV.UK images, ` +
    `MOJ modules (${mojJsBytes} bytes), ${mojImages} MOJ icons`,
);
