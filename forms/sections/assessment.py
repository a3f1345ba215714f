"""The Common Assessment (CAF / Early Help assessment): its three domains and its conclusions."""

from forms.fields import long_text
from forms.sections.base import Section


class DevelopmentSection(Section):
    slug = "development"
    title = "Development of the child"
    record_path = "assessment.development"
    intro = "Domain 1 of the common assessment: strengths and needs in the child's development."

    health = long_text("Health", hint="General health, physical development, speech and language")
    emotional_social = long_text("Emotional and social development")
    behaviour = long_text("Behavioural development")
    identity = long_text("Identity, including self-esteem, self-image and social presentation")
    family_social_relationships = long_text("Family and social relationships")
    self_care = long_text("Self-care skills and independence")
    learning = long_text(
        "Learning", hint="Understanding, reasoning, progress and achievement, attendance"
    )


class ParentingSection(Section):
    slug = "parenting"
    title = "Parents and carers"
    record_path = "assessment.parenting"
    intro = "Domain 2 of the common assessment: how the parents or carers meet the child's needs."

    basic_care = long_text("Basic care, ensuring safety and protection")
    safety = long_text("Ensuring safety")
    emotional_warmth = long_text("Emotional warmth and stability")
    guidance_boundaries = long_text("Guidance, boundaries and stimulation")
    stimulation = long_text("Stimulation")
    stability = long_text("Stability")


class FamilyEnvironmentSection(Section):
    slug = "family-environment"
    title = "Family and environment"
    record_path = "assessment.family_environment"
    intro = "Domain 3 of the common assessment: the wider family and the child's surroundings."

    family_history = long_text("Family history, functioning and well-being")
    wider_family = long_text("Wider family")
    housing = long_text("Housing, employment and financial considerations", hint="Housing")
    employment_income = long_text("Employment and income")
    social_integration = long_text(
        "Social and community elements, and resources", hint="Social integration"
    )
    community_resources = long_text("Community resources")


class ConclusionsSection(Section):
    slug = "conclusions"
    title = "Conclusions, solutions and actions"
    record_path = "assessment"
    intro = "What the assessment concludes and what has been agreed: the child's plan."

    conclusions = long_text(
        "Conclusions and solutions", hint="What needs to change, and the strengths to build on"
    )
    actions = long_text("Actions agreed", hint="Who will do what, and by when")
