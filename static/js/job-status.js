// Follows a background job on its status page without a page refresh: every few seconds it asks the
// server for the job's state (JSON), updates the progress line (an aria-live region, so screen readers
// hear it politely), and reloads the page once the job stops working, so the page shows the result.
// Without scripts, the page's "Refresh this page" link does the same by hand.
const POLL_EVERY_MS = 2000;
const GIVE_UP_AFTER_POLLS = 1800; // An hour: the page's link still works after that.

const box = document.querySelector("[data-job-status-url]");

if (box) {
  const url = box.dataset.jobStatusUrl;
  const line = box.querySelector("[data-job-progress]");
  let polls = 0;

  const poll = async () => {
    polls += 1;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const job = await response.json();
        if (!job.working) {
          window.location.reload();
          return;
        }
        const text = `${job.label}: ${job.progress}% done`;
        if (line && line.textContent !== text) {
          line.textContent = text;
        }
      }
    } catch {
      // A dropped connection: try again at the next poll.
    }
    if (polls < GIVE_UP_AFTER_POLLS) {
      window.setTimeout(poll, POLL_EVERY_MS);
    }
  };

  window.setTimeout(poll, POLL_EVERY_MS);
}
