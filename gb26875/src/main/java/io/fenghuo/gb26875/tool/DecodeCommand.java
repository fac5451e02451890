package io.fenghuo.gb26875.tool;

import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.Hex;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameScanner;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Field engineers' decoder: GB/T 26875.3 frames in (hex arguments, a file of hex lines, or a raw
 * binary capture), one JSON object per frame or per rejected byte range out (JSON Lines).
 *
 * <p>Exit status: 0 if every frame verified and decoded, 1 if anything was rejected, 2 for usage or
 * I/O errors.
 */
@Command(
    name = "gb26875-decode",
    mixinStandardHelpOptions = true,
    version = "gb26875-decode 0.1",
    description = {
      "Decodes GB/T 26875.3-2011 frames and prints each as one line of JSON:",
      "every field, the verification result and, for a bad frame, exactly what is wrong."
    })
public final class DecodeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "HEX", description = "Frames as hex (spaces allowed if quoted).")
  List<String> hexFrames = new ArrayList<>();

  @Option(
      names = {"-f", "--hex-file"},
      paramLabel = "FILE",
      description =
          "File with one hex frame per line; blank lines and lines starting with # skipped.")
  Path hexFile;

  @Option(
      names = {"-b", "--binary"},
      paramLabel = "FILE",
      description =
          "Raw binary capture (a TCP stream); decoded as one stream with resynchronisation.")
  Path binaryFile;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      defaultValue = "standard",
      description =
          "Device profile: standard, firemaster, bcd-time, lenient (default: ${DEFAULT-VALUE}).")
  String profileName;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private boolean anyRejected;

  /** Entry point of {@code java -jar gb26875-decode.jar}. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8), args));
  }

  /** Runs the command with output to {@code out}; returns the exit status. */
  public static int run(PrintWriter out, String... args) {
    CommandLine cl = new CommandLine(new DecodeCommand());
    cl.setOut(out);
    cl.setErr(out);
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    DeviceProfile profile;
    try {
      profile = DeviceProfile.named(profileName);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<String> lines = new ArrayList<>(hexFrames);
    if (hexFile != null) {
      for (String line : Files.readAllLines(hexFile, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
    }
    if (lines.isEmpty() && binaryFile == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give frames as HEX arguments, --hex-file or --binary");
    }
    for (String line : lines) {
      byte[] bytes;
      try {
        bytes = Hex.parse(line);
      } catch (IllegalArgumentException e) {
        anyRejected = true;
        out.println(
            new JsonWriter()
                .beginObject()
                .name("verification")
                .value("failed")
                .name("defect")
                .value("NOT_HEX")
                .name("detail")
                .value(e.getMessage())
                .endObject());
        continue;
      }
      decode(bytes, profile, out);
    }
    if (binaryFile != null) {
      decode(Files.readAllBytes(binaryFile), profile, out);
    }
    out.flush();
    return anyRejected ? 1 : 0;
  }

  private void decode(byte[] stream, DeviceProfile profile, PrintWriter out) {
    List<Object> frames = new ArrayList<>();
    new FrameScanner(new FrameStatistics()).finish(Unpooled.wrappedBuffer(stream), frames);
    for (Object o : frames) {
      if (o instanceof Gb26875Frame f) {
        Object decoded = Gb26875Codec.decodeOrReject(f, profile);
        if (decoded instanceof Gb26875Message m) {
          out.println(FrameJson.message(m, f.streamOffset(), f.frameLength(), profile.name()));
          continue;
        }
        o = decoded;
      }
      anyRejected = true;
      out.println(FrameJson.rejected((FrameRejected) o));
    }
  }
}
