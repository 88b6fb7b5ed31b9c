# One image recipe for every service module: docker build --build-arg MODULE=org-service .
# Stage 1 builds with the project's Maven wrapper; stage 2 is a small JRE image running the fat jar.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am package -DskipTests \
 && cp ${MODULE}/target/${MODULE}-*.jar /app.jar

FROM eclipse-temurin:17-jre
# curl: compose's health checks. /app is the app user's working directory, so a relative path the
# service writes (e.g. a devstack default like data/) lands in /app, never in / (not writable as 10001).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && install -d -o app -g app -m 0750 /app
WORKDIR /app
# the jar stays root's: the service can read it, not replace it
COPY --from=build /app.jar /app/app.jar
USER app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
