from iwp_pipeline.privacy import mask_ssn, redact_data, scrub_text


def test_mask_ssn():
    assert mask_ssn("900-12-3456") == "***-**-3456"
    assert mask_ssn("900123456") == "***-**-3456"
    assert mask_ssn(None) is None
    assert mask_ssn("12") == "***-**-****"


def test_scrub_text_masks_ssn_shapes_but_not_phones_or_zips():
    text = "SSN 900-12-3456, 900 12 3456; phone 555-201-4400; zip 22313-1234"
    assert scrub_text(text) == "SSN ***-**-3456, ***-**-3456; phone 555-201-4400; zip 22313-1234"


def test_scrub_text_masks_known_ssn_written_without_dashes():
    assert scrub_text("id 900123456 end", ("900123456",)) == "id ***-**-3456 end"
    assert scrub_text("pid 123456789", ("900123456",)) == "pid 123456789"


def test_redact_data_walks_json():
    data = {"ticketholder": {"ssn": "900-12-3456"}, "notes": ["see 900-12-3456"]}
    assert redact_data(data) == {"ticketholder": {"ssn": "***-**-3456"}, "notes": ["see ***-**-3456"]}
