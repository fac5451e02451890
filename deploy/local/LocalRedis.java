import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * Finds the Redis server for the local run: the {@code redis-server} binary that embedded-redis
 * bundles for this OS and CPU (Redis 6.2), copied once into BIN_DIR.
 *
 * <pre>
 * java -cp "$CP" deploy/local/LocalRedis.java BIN_DIR    # prints the absolute path of the binary
 * </pre>
 *
 * <p>It keeps no JVM around Redis: {@code ./fenghuo} starts the printed binary itself, so the PID
 * it records is Redis's own. SIGTERM then saves and exits cleanly, nothing is orphaned if a wrapper
 * dies, and no ~150 MB wrapper JVM stays resident. The script writes {@code redis.conf} (port,
 * {@code bind 127.0.0.1}, data directory, append-only file).
 *
 * <p>The library's own extraction is not used: it marks the file delete-on-exit, which is right for
 * tests and wrong for a binary that must outlive this JVM.
 */
public class LocalRedis {

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LocalRedis BIN_DIR");
      System.exit(2);
    }
    Path binDir = Path.of(args[0]).toAbsolutePath();
    OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
    String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
    if (resource == null) {
      throw new IllegalStateException(
          "embedded-redis bundles no redis-server for "
              + platform.os
              + "/"
              + platform.arch
              + "; install redis-server and set FENGHUO_REDIS_SERVER");
    }
    Path binary = binDir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    if (!Files.isExecutable(binary)) {
      Files.createDirectories(binDir);
      Path partial = Files.createTempFile(binDir, "redis-server", ".partial");
      try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("resource " + resource + " missing from embedded-redis");
        }
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!partial.toFile().setExecutable(true)) {
        throw new IllegalStateException("cannot make " + partial + " executable");
      }
      Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println(binary);
  }
}
