// govuk-frontend opens a radio's conditional reveal only while that one radio is checked. Where
// several radios of a group share one reveal (each with aria-controls naming it), keep it open
// while any of them is checked. Call after initAll(): govuk-frontend's handlers then run first on
// each click and page show, and this has the last word.
export function initSharedReveals () {
  const sync = () => {
    for (const reveal of document.querySelectorAll('.govuk-radios__conditional')) {
      const radios = document.querySelectorAll(
        `input[type="radio"][aria-controls="${CSS.escape(reveal.id)}"]`
      )
      if (radios.length > 1) {
        const open = [...radios].some((radio) => radio.checked)
        reveal.classList.toggle('govuk-radios__conditional--hidden', !open)
      }
    }
  }
  document.addEventListener('click', sync)
  window.addEventListener('pageshow', sync)
  sync()
}
