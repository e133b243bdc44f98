"""The bundled report templates and house styles (data only: `<name>.md.j2`, `<name>.yaml`, `base.docx`)."""
