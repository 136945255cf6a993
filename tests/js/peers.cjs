// peers.cjs: loads the pinned npm packages (tools/npm, installed into $AO_NPM_DIR) for the
// interop scripts, and the helpers they share.
const { createRequire } = require('module');
const path = require('path');

const dir = process.env.AO_NPM_DIR;
if (!dir) throw new Error('AO_NPM_DIR is not set');
const peers = createRequire(path.join(dir, 'package.json'));

// A package that is a dependency of another peer (for example arbundles' bs58).
function inner(parent, name) {
  return createRequire(peers.resolve(parent))(name);
}

function describe(item, valid) {
  return {
    id: item.id,
    signatureType: item.signatureType,
    owner: item.owner,
    target: item.target,
    anchor: item.anchor,
    tags: item.tags,
    data: Buffer.from(item.rawData).toString('base64'),
    valid,
  };
}

module.exports = { peers, inner, describe };
