# The portal's image: web (gunicorn), worker and beat all run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system portal && useradd --system --gid portal --home /app portal
WORKDIR /app

# Pango and HarfBuzz for WeasyPrint, which renders the PDF documents; fontconfig finds the
# bundled fonts. The documents use only the fonts in network_portal/fonts/. Voikko and its
# Finnish dictionary for search.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
        libvoikko1 voikko-fi \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml requirements.lock ./
RUN pip install -c requirements.lock .

COPY --chown=portal:portal . .

# Static files and compiled catalogues are built into the image; SECRET_KEY here is only
# for the build step and is never used at run time.
RUN DEBUG=false SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --no-input \
    && pybabel compile --domain django --directory locale \
    && mkdir -p /app/var/media /app/var/public-media \
    && chown -R portal:portal /app/var /app/locale

USER portal
EXPOSE 8000
CMD ["gunicorn", "network_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
