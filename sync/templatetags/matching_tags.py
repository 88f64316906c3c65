from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def match_options(row) -> SafeString:
    """A row's <option>s, built in Python: a 500-row wizard page has thousands of them."""
    candidates = format_html_join(
        "",
        '<option value="match:{}"{}{}>{} — {}% · {}{}{}</option>',
        (
            (
                c.target_id,
                " selected" if row.decision == "match" and row.choice_target_id == c.target_id else "",
                " disabled" if c.taken_by else "",
                c.name,
                c.score,
                c.why,
                f" · {row.details[c.target_id]}" if row.details.get(c.target_id) else "",
                " (taken)" if c.taken_by else "",
            )
            for c in row.candidates
        ),
    )
    chosen = (
        format_html('<option value="match:{}" selected>{}</option>', row.choice_target_id, row.choice_name)
        if row.chosen_elsewhere
        else ""
    )
    create = format_html(
        '<option value="create"{}>Create new</option>', " selected" if row.decision == "create" else ""
    )
    skip = format_html('<option value="skip"{}>Skip</option>', " selected" if row.decision == "skip" else "")
    return format_html("{}{}{}{}", candidates, chosen, create, skip)
