// The MOJ filter pattern's "Show filter" / "Hide filter" button on data pages (the project register):
// on a wide window the filters start open beside the table; on a narrow one they open over it.
// Module scripts in the page's head run before init-govuk.js marks the page as supported, so this
// starts once the document is loaded, after every module script has run.
import { FilterToggleButton } from "../dist/moj-filter-toggle-button.mjs";

document.addEventListener("DOMContentLoaded", () => {
  const filter = document.querySelector("[data-app-filter]");
  if (filter) {
    new FilterToggleButton(filter, {
      startHidden: false,
      toggleButton: { showText: "Show filter", hideText: "Hide filter", classes: "govuk-button--secondary" },
    });
  }
});
