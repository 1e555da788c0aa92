from django import forms


class BootstrapWidgets:
    """For forms a template lays out by hand: Bootstrap's classes on every widget (full
    width on a phone, radios and checkboxes big enough to hit)."""

    WIDGET_CLASSES = {
        forms.RadioSelect: "form-check-input",
        forms.CheckboxInput: "form-check-input",
        forms.Select: "form-select",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = self.WIDGET_CLASSES.get(type(field.widget), "form-control")
            field.widget.attrs["class"] = css
