"""The official tables as data, the audit sheets, and the workbook written atomically."""
