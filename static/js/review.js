// The review page's keyboard: j/k move between facts, c confirms, x removes, e opens the
// correction form, a opens "add a missed person". The fact in focus is marked in the text.
(function () {
  "use strict";
  const facts = Array.from(document.querySelectorAll(".review .fact"));
  if (!facts.length && !document.querySelector("#add-person")) return;
  let current = -1;

  function select(index) {
    if (!facts.length) return;
    current = (index + facts.length) % facts.length;
    const fact = facts[current];
    document.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
    fact.classList.add("is-current");
    const mark = fact.dataset.anchor && document.getElementById(fact.dataset.anchor);
    if (mark) {
      mark.classList.add("is-current");
      mark.scrollIntoView({ block: "nearest" });
    }
    fact.focus();
  }

  function press(selector) {
    const fact = facts[current];
    const target = fact && fact.querySelector(selector);
    if (target) target.click();
  }

  facts.forEach((fact, index) => {
    fact.addEventListener("focusin", () => {
      if (current !== index) {
        current = index;
        document.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
        fact.classList.add("is-current");
        const mark = fact.dataset.anchor && document.getElementById(fact.dataset.anchor);
        if (mark) mark.classList.add("is-current");
      }
    });
  });

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, select, textarea, [contenteditable]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = {
      j: () => select(current + 1),
      k: () => select(current - 1),
      c: () => press('button[value="confirm"]'),
      x: () => press('button[value="remove"]'),
      e: () => {
        const details = facts[current] && facts[current].querySelector("details");
        if (details) {
          details.open = true;
          details.querySelector("input, select").focus();
        }
      },
      a: () => {
        const details = document.getElementById("add-person");
        details.open = true;
        details.querySelector("input[name=name]").focus();
      },
    };
    if (actions[event.key]) {
      event.preventDefault();
      actions[event.key]();
    }
  });

  // Coming back from an action: the fact it was about is in focus again.
  if (location.hash.startsWith("#fact-")) {
    const index = facts.findIndex((fact) => "#" + fact.id === location.hash);
    if (index >= 0) select(index);
  }
})();
