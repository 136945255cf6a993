-- patch-legacy-reply.lua: gives every incoming message a msg.reply when the process library did
-- not (aos before 2.0), so handlers written for aos 2.0 — and Receive/.receive on the other side,
-- which waits for X-Reference — work in an older process. Load it once; it adds one handler,
-- "_patch_reply", at the front of Handlers.list, which lets every message go on to the others.
--
-- msg.reply(reply) sends `reply` to the message's Reply-To, else to reply.Target, else to the
-- sender, with X-Reference (the message's X-Reference, else its Reference) and X-Origin; a
-- value the message lacks is sent as "" (unlike aos 2.0's own msg.reply, which leaves it out).
-- A library that has msg.reply (aos 2.0, and ao's) keeps its own: the patch changes nothing.

local function giveReply(msg)
  if msg.reply then return end
  msg.reply = function(reply)
    reply.Target = msg["Reply-To"] or reply.Target or msg.From
    reply["X-Reference"] = msg["X-Reference"] or msg.Reference or ""
    reply["X-Origin"] = msg["X-Origin"] or ""
    return ao.send(reply)
  end
end

Handlers.prepend("_patch_reply", function() return "continue" end, giveReply)
