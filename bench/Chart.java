import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the benchmark's Karst/Kafka ratios as horizontal bars, one row per load: throughput
 * (higher is better for Karst), CPU seconds per GB and p99 latency (lower is better). Run as
 * {@code java bench/Chart.java results.csv chart.png}; needs nothing but the JDK.
 */
public class Chart {
    private static final String[] METRICS = {"records_per_s", "cpu_s_per_gb", "p99_ms"};
    private static final String[] TITLES = {"throughput (>1: Karst faster)", "CPU s/GB (<1: Karst cheaper)",
            "p99 latency (<1: Karst lower)"};
    private static final Color[] COLORS = {new Color(0x2b6cb0), new Color(0x2f855a), new Color(0xc05621)};

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Map<String, double[]>> byLoad = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",", -1);
            double[] values = new double[METRICS.length];
            for (int m = 0; m < METRICS.length; m++) {
                String v = cols[header.indexOf(METRICS[m])];
                values[m] = v.isEmpty() || v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
            }
            byLoad.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).put(cols[1], values);
        }
        List<String> loads = new ArrayList<>(byLoad.keySet());
        int rowHeight = 22;
        int labelWidth = 330;
        int panelWidth = 300;
        int width = labelWidth + METRICS.length * (panelWidth + 20) + 20;
        int height = 70 + loads.size() * rowHeight + 30;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Karst / Apache Kafka, same machine, same run (" + Path.of(args[0]).getFileName() + ")", 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double maxRatio = 2.0;
        for (int m = 0; m < METRICS.length; m++) {
            int x0 = labelWidth + m * (panelWidth + 20);
            g.setColor(Color.BLACK);
            g.drawString(TITLES[m], x0, 50);
            int one = x0 + (int) (panelWidth / maxRatio);
            for (int i = 0; i < loads.size(); i++) {
                Map<String, double[]> pair = byLoad.get(loads.get(i));
                int y = 60 + i * rowHeight;
                if (m == 0) {
                    g.drawString(loads.get(i), 10, y + 15);
                }
                double ratio = ratio(pair, m);
                if (Double.isNaN(ratio)) {
                    g.setColor(Color.GRAY);
                    g.drawString("n/a", x0 + 4, y + 15);
                    continue;
                }
                int w = (int) (Math.min(ratio, maxRatio) / maxRatio * panelWidth);
                g.setColor(COLORS[m]);
                g.fillRect(x0, y + 4, w, rowHeight - 8);
                g.setColor(Color.BLACK);
                g.drawString(String.format("%.2f", ratio), x0 + Math.min(w, panelWidth - 40) + 4, y + 15);
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f}, 0f));
            g.drawLine(one, 56, one, 60 + loads.size() * rowHeight);
            g.setStroke(new BasicStroke());
        }
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
    }

    private static double ratio(Map<String, double[]> pair, int metric) {
        double[] karst = pair.get("karst");
        double[] kafka = pair.get("kafka");
        if (karst == null || kafka == null || kafka[metric] == 0) {
            return Double.NaN;
        }
        return karst[metric] / kafka[metric];
    }
}
