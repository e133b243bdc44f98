# actionbot: a small, non-root image with no compiler in it (see README, "Run it in production").
#   docker build -t actionbot .
#   docker run --env-file actionbot.env -v /srv/actionbot/kb:/kb -p 3000:3000 actionbot
# Stage 1 installs into a virtual environment; stage 2 copies only that environment, so pip's caches, the
# sources and any build tools stay behind. Every dependency ships a binary wheel (psycopg's carries libpq).
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY knowledge knowledge
COPY assemblers assemblers
COPY templates templates
RUN python -m venv /opt/actionbot \
    && /opt/actionbot/bin/pip install --only-binary=:all: --upgrade pip \
    && /opt/actionbot/bin/pip install '.[postgres]' \
    && /opt/actionbot/bin/python -m compileall -q /opt/actionbot

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/actionbot --create-home actionbot \
    && mkdir -p /kb /var/cache/actionbot && chown actionbot:actionbot /kb /var/cache/actionbot
COPY --from=build /opt/actionbot /opt/actionbot
ENV PATH=/opt/actionbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ACTIONBOT_DATA=/var/lib/actionbot \
    ACTIONBOT_CACHE=/var/cache/actionbot \
    ACTIONBOT_KB=/kb
USER actionbot
WORKDIR /var/lib/actionbot
VOLUME ["/var/lib/actionbot", "/kb"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4)"
ENTRYPOINT ["actionbot"]
CMD ["serve", "--port", "3000"]
