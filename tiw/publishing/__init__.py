"""What the build publishes besides pages: news and feeds, page dates and review dates,
sitemap/redirects/Open Graph, and the framework PDFs."""
