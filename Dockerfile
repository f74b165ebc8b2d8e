# The application image for docker-compose.yml. Build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/lokaal-signaal-all.jar /app/lokaal-signaal.jar
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxTenuringThreshold=1 $JAVA_OPTS -jar /app/lokaal-signaal.jar \"$@\"", "lokaal-signaal"]
CMD ["run", "--http-host=0.0.0.0"]
