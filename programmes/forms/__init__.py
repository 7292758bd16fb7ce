"""Forms, one module per concept of the partnership; they check the shape of answers, rules.py the rules."""
