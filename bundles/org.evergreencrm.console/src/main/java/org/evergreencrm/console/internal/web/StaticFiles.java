package org.evergreencrm.console.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The console's files as they are sent: read once from the bundle (its entries never change while it runs), with a
 * strong ETag from their content, so a reload revalidates with a 304 instead of fetching again, and gzip-compressed
 * once for browsers that accept it (the libraries are large text). A bundle update makes a new servlet and a new cache.
 */
final class StaticFiles {
    /** One file: its bytes, the same gzip-compressed ({@code null} when that would not be smaller), its ETag. */
    record File(byte[] raw, byte[] gzip, String etag) {
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();

    File get(String entry, URL url) throws IOException {
        File f = files.get(entry);
        if (f == null) {
            byte[] raw = read(url);
            byte[] gz = gzip(raw);
            f = new File(raw, gz.length < raw.length * 0.9 ? gz : null, "\"" + sha256(raw).substring(0, 27) + "\"");
            files.put(entry, f);
        }
        return f;
    }

    /** Sends the file, or 304 when the browser's copy is current; headers other than these are the caller's. */
    static void send(File f, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("ETag", f.etag());
        resp.setHeader("Vary", "Accept-Encoding");
        String match = req.getHeader("If-None-Match");
        if (match != null && (match.equals(f.etag()) || match.equals("W/" + f.etag()))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String accept = req.getHeader("Accept-Encoding");
        byte[] body = f.raw();
        if (f.gzip() != null && accept != null && accept.contains("gzip")) {
            resp.setHeader("Content-Encoding", "gzip");
            body = f.gzip();
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
