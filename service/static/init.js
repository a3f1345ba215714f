import { initAll } from './govuk/govuk-frontend.min.js'
import { initSharedReveals } from './shared_reveal.js'

initAll()
initSharedReveals()
