# Loyalty server image: `loyalty serve` by default, `loyalty worker` / `loyalty migrate` as commands.
# Built and run by docs/deployment.md; validated statically by tests/integration/test_deployment_files.py.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY src ./src
# The pinned versions the test suite ran with.
RUN pip install -c constraints.txt . \
    && useradd --system --uid 10001 --home-dir /data --create-home loyalty

USER loyalty
WORKDIR /data
# SQLite only when no PostgreSQL URL is given (a single container); compose.yaml sets PostgreSQL.
ENV LOYALTY_DATABASE_URL=sqlite:////data/loyalty.db \
    LOYALTY_LOG_JSON=true
EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]

CMD ["loyalty", "serve", "--host", "0.0.0.0", "--port", "8000"]
