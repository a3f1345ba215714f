"""The question pages of a referral. Each section is one page and owns one part of the record;
``forms.journeys`` says which sections each pathway asks, in which order."""
