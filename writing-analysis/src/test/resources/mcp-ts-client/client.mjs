// Drives the writing-analysis MCP server with the official MCP TypeScript SDK client, for the
// interoperability test TypeScriptMcpClientIT. Usage: node client.mjs CONFIG.json
//
// CONFIG: {"transport": "http", "url": "...", "headers": {...}, "calls": [...]}
//      or {"transport": "stdio", "command": "...", "args": [...], "env": {...},
//          "stderrFile": "...", "calls": [...]}
// where each call is {"name": tool, "arguments": {...}}.
//
// Prints one JSON line on stdout: {"tools": [...], "results": [...]}, where each result also reports
// whether its text content parses to the same value as its structuredContent. Errors go to stderr with
// exit code 1. The SDK client itself checks each structuredContent against the tool's
// outputSchema, so a result that breaks its schema fails the run.
import { createWriteStream, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

function transportFor(config) {
  if (config.transport === 'http') {
    return new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: config.headers },
    });
  }
  if (config.transport === 'stdio') {
    const transport = new StdioClientTransport({
      command: config.command,
      args: config.args,
      env: config.env,
      stderr: 'pipe',
    });
    // The server's log lines are kept for the personal-data log scan.
    transport.stderr.pipe(createWriteStream(config.stderrFile, { flags: 'a' }));
    return transport;
  }
  throw new Error(`unknown transport: ${config.transport}`);
}

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const client = new Client({ name: 'scribe-interop-test', version: '1.0.0' });
  await client.connect(transportFor(config));

  const listed = await client.listTools();
  const results = [];
  for (const call of config.calls) {
    const result = await client.callTool({ name: call.name, arguments: call.arguments });
    const text = result.content?.[0]?.type === 'text' ? result.content[0].text : null;
    results.push({
      name: call.name,
      isError: result.isError ?? false,
      structuredContent: result.structuredContent ?? null,
      content: result.content,
      // Compared here because JSON.parse gives the values a JavaScript client works with.
      textMatchesStructuredContent:
        text !== null && isDeepStrictEqual(JSON.parse(text), result.structuredContent),
    });
  }
  await client.close();

  const tools = listed.tools.map((tool) => ({
    name: tool.name,
    inputSchema: tool.inputSchema,
    hasOutputSchema: tool.outputSchema !== undefined,
  }));
  process.stdout.write(`${JSON.stringify({ tools, results })}\n`);
}

main().catch((error) => {
  process.stderr.write(`MCP TypeScript client failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
