# syntax=docker/dockerfile:1
# The application image, built from the sources alone: no JDK, Maven or jar needed on the host.
#
#   docker build -t cachet:latest .
#   docker run -p 8080:8080 -v cachet-data:/app/data cachet:latest
#
# 1. build:   the Maven wrapper packages target/cachet.jar on a JDK 17 (the project's toolchain);
#             the Maven repository is a BuildKit cache mount, so a rebuild downloads nothing new.
# 2. runtime: a Java 25 JRE runs the jar extracted into its launcher jar and lib/ (faster start-up
#             than the nested jar), with an AOT cache (JEP 483/514) recorded by a training run that
#             starts the application context on a throw-away H2 database and exits after refresh.
# Run as an unprivileged user (uid 10001); H2 data (single-node use only) lives in /app/data.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && java -Djarmode=tools -jar target/cachet.jar extract --destination /extracted

FROM eclipse-temurin:25-jre AS runtime
RUN groupadd --system --gid 10001 cachet \
    && useradd --system --uid 10001 --gid cachet --home-dir /app --shell /usr/sbin/nologin cachet \
    && mkdir -p /app/data \
    && chown -R cachet:cachet /app
WORKDIR /app
COPY --from=build --chown=cachet:cachet /extracted/ /app/
USER 10001:10001

# Set before the training run: the AOT cache is only used by a JVM started with the same options
# (why each is there: docs/operations.md#jvm-settings).
# -XX:+UseSerialGC              no GC threads or region tables: quicker start, less memory at rest
# -Xms32m                       the heap starts small instead of at 1/64 of the host's memory
# -XX:MaxRAMPercentage=75       and grows up to 75 % of the container's memory limit
# -XX:+ExitOnOutOfMemoryError   a JVM out of heap exits, so the orchestrator restarts it
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    CACHET_DATA_DIR=/app/data \
    SERVER_PORT=8080

# Training run: the context starts (Flyway migrates a temporary H2, beans are created) and the JVM
# exits at refresh, before any runner, worker or port; the classes it loaded go into cachet.aot.
RUN CACHET_DATA_DIR=/tmp/aot-training java -XX:AOTCacheOutput=/app/cachet.aot \
        -Dspring.context.exit=onRefresh -jar /app/cachet.jar \
    && rm -rf /tmp/aot-training

EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/cachet.aot", "-jar", "/app/cachet.jar"]
