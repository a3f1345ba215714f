"""WTForms for each user journey, rendered with GOV.UK Frontend widgets."""
