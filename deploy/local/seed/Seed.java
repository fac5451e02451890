import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the local run's seed data into a running unit-service through its public API, and mints
 * development tokens. JDK only, run as a single-file program:
 *
 * <pre>
 * java deploy/local/seed/Seed.java token admin                 # an admin token (dev key)
 * java deploy/local/seed/Seed.java token operator op-a         # an operator token
 * java deploy/local/seed/Seed.java token unit-manager - U-330106-A001
 * java deploy/local/seed/Seed.java load http://127.0.0.1:8081  # token from FENGHUO_TOKEN, else minted
 * </pre>
 *
 * Tokens are signed with dev-jwt/dev-private.pem, a key for the local run only: never configure its
 * public half outside a developer machine.
 */
public class Seed {

  private static final Path HERE = Path.of(System.getProperty("seed.dir", "deploy/local/seed"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("token")) {
      String operator = args.length > 2 && !args[2].equals("-") ? args[2] : null;
      String unit = args.length > 3 ? args[3] : null;
      System.out.println(token(args[1], operator, unit));
    } else if (args.length == 2 && args[0].equals("load")) {
      String token = System.getenv("FENGHUO_TOKEN");
      load(args[1], token != null ? token : token("admin", null, null));
    } else {
      System.err.println("usage: Seed token <role> [operator|-] [unit] | Seed load <base-url>");
      System.exit(2);
    }
  }

  static void load(String base, String token) throws Exception {
    String units = Files.readString(HERE.resolve("units.csv"));
    expect(
        send(base + "/api/units/import", token, "POST", "text/csv; charset=utf-8", units),
        201,
        "units.csv");
    int buildings = 0;
    for (Map<String, String> b : rows("buildings.csv")) {
      String json =
          json(
              Map.of(
                  "name", b.get("name"),
                  "use", b.get("use"),
                  "structure", b.get("structure"),
                  "fireResistanceGrade", b.get("fire_resistance_grade")),
              Map.of(
                  "heightMetres", b.get("height_m"),
                  "floorsAbove", b.get("floors_above"),
                  "floorsBelow", b.get("floors_below"),
                  "floorArea", b.get("floor_area")));
      expect(
          send(
              base + "/api/units/" + b.get("unit_id") + "/buildings",
              token,
              "POST",
              "application/json",
              json),
          201,
          "building");
      buildings++;
    }
    for (Map<String, String> d : rows("devices.csv")) {
      String json =
          json(
              Map.of(
                  "model", d.get("model"),
                  "profile", d.get("profile"),
                  "installedOn", d.get("installed_on"),
                  "location", d.get("location")),
              Map.of());
      expect(
          send(
              base + "/api/units/" + d.get("unit_id") + "/devices/" + d.get("address"),
              token,
              "PUT",
              "application/json",
              json),
          200,
          "device");
    }
    int points = 0;
    for (Map<String, String> s : rows("systems.csv")) {
      String json =
          json(
              Map.of("device", s.get("device"), "name", s.get("name")),
              Map.of("systemType", s.get("system_type"), "systemAddress", s.get("system_address")));
      String unit = s.get("unit_id");
      String created =
          expect(
              send(
                  base + "/api/units/" + unit + "/systems",
                  token,
                  "POST",
                  "application/json",
                  json),
              201,
              "system");
      Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("no system id in " + created);
      }
      Path list = HERE.resolve("points").resolve(unit + ".csv");
      if (Files.exists(list)) {
        expect(
            send(
                base + "/api/units/" + unit + "/systems/" + id.group(1) + "/points/import",
                token,
                "POST",
                "text/csv; charset=utf-8",
                Files.readString(list)),
            200,
            list.toString());
        points += Files.readAllLines(list).size() - 1;
      }
    }
    System.out.printf(
        "seeded %d units, %d buildings, %d devices, %d points%n",
        rows("units.csv").size(), buildings, rows("devices.csv").size(), points);
  }

  private static HttpResponse<String> send(
      String url, String token, String method, String type, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** The seed CSVs have no quoted fields, so splitting on commas is enough. */
  private static List<Map<String, String>> rows(String file) throws Exception {
    List<String> lines = Files.readAllLines(HERE.resolve(file));
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static String json(Map<String, String> strings, Map<String, String> numbers) {
    Map<String, String> all = new LinkedHashMap<>();
    strings.forEach(
        (k, v) ->
            all.put(
                k,
                v == null || v.isEmpty()
                    ? "null"
                    : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    numbers.forEach((k, v) -> all.put(k, v == null || v.isEmpty() ? "null" : v));
    StringBuilder json = new StringBuilder("{");
    all.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return json.append('}').toString();
  }

  /** An RS256 JWT with the claims of ADR 0002, valid for 12 hours. */
  static String token(String role, String operator, String unit) throws Exception {
    String pem = Files.readString(HERE.resolve("dev-jwt/dev-private.pem"));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    long now = System.currentTimeMillis() / 1000;
    StringBuilder claims =
        new StringBuilder(
            "{\"sub\":\"dev-"
                + role
                + "\",\"iss\":\"fenghuo-local\",\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 43200)
                + ",\"roles\":[\""
                + role
                + "\"]");
    if (operator != null) {
      claims.append(",\"operator_id\":\"").append(operator).append('"');
    }
    if (unit != null) {
      claims.append(",\"unit_id\":\"").append(unit).append('"');
    }
    claims.append('}');
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(signature.sign());
  }
}
