import pytest
from django.core.exceptions import ValidationError

from partners.validators import validate_business_id, y_tunnus_check_digit


@pytest.mark.parametrize("value", ["0737546-2", "1572860-0", "2331972-7", " 0737546-2 "])
def test_valid_finnish_business_ids_pass(value):
    validate_business_id("FI", value)


def test_finnish_business_id_with_wrong_check_digit_is_rejected():
    with pytest.raises(ValidationError) as error:
        validate_business_id("FI", "0737546-3")
    assert error.value.code == "checksum"


@pytest.mark.parametrize("value", ["07375462", "737546-2", "0737546-22", "ABCDEFG-1"])
def test_finnish_business_id_in_wrong_format_is_rejected(value):
    with pytest.raises(ValidationError) as error:
        validate_business_id("FI", value)
    assert error.value.code == "format"


def first_with_remainder(remainder):
    weights = (7, 9, 10, 5, 8, 4, 2)
    return next(
        f"{n:07d}"
        for n in range(1_000_000, 1_100_000)
        if sum(int(d) * w for d, w in zip(f"{n:07d}", weights, strict=True)) % 11 == remainder
    )


def test_check_digit_remainder_zero_gives_zero():
    seven = first_with_remainder(0)
    assert y_tunnus_check_digit(seven) == 0
    validate_business_id("FI", f"{seven}-0")


def test_remainder_one_makes_every_check_digit_invalid():
    seven = first_with_remainder(1)
    assert y_tunnus_check_digit(seven) is None
    for digit in range(10):
        with pytest.raises(ValidationError):
            validate_business_id("FI", f"{seven}-{digit}")


def test_estonian_registry_code_has_eight_digits():
    validate_business_id("EE", "10137319")
    for bad in ("1013731", "101373190", "1013731A"):
        with pytest.raises(ValidationError):
            validate_business_id("EE", bad)


def test_lithuanian_company_code_has_nine_digits():
    validate_business_id("LT", "302451234")
    for bad in ("30245123", "3024512345", "30245123X"):
        with pytest.raises(ValidationError):
            validate_business_id("LT", bad)


def test_other_countries_take_free_text_up_to_fifty_characters():
    validate_business_id("SE", "556016-0680")
    validate_business_id("RU", "7801234567")
    with pytest.raises(ValidationError):
        validate_business_id("SE", "x" * 51)


def test_empty_business_id_is_allowed():
    validate_business_id("FI", "")
