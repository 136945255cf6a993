-- The chatroom and its token, fresh in every test: `ao test` runs this file.
describe("chatroom", function()
  local token, chatroom, alice, bob

  -- Gives `wallet` 100 tokens and has it pay `quantity` to the chatroom.
  local function join(wallet, quantity)
    token:send({ Action = "Transfer", Recipient = wallet.address, Quantity = "100" })
    return token:send({ Action = "Transfer", Recipient = chatroom.id, Quantity = quantity, From = wallet })
  end

  before_each(function()
    token = ao.spawn("token")
    chatroom = ao.spawn("chatroom")   -- knows the token: its TOKEN is token.id
    alice, bob = ao.wallet("alice"), ao.wallet("bob")
    token:send({ Action = "Mint", Quantity = "1000" })
  end)

  it("knows its token", function()
    assert.equals(token.id, chatroom:state("TOKEN"))
  end)

  it("lets in whoever pays the fee", function()
    join(alice, "10")
    assert.equals("Joined", alice:last().Action)
    assert.same({ alice.address }, require("json").decode(chatroom:send({ Action = "Members" }).Messages[1].Data))
  end)

  it("refuses a payment under the fee", function()
    join(bob, "5")
    assert.equals("Join-Error", bob:last().Action)
    assert.same({}, chatroom:state("Members"))
  end)

  it("does not count a credit notice from anyone but the token", function()
    chatroom:send({ Action = "Credit-Notice", Sender = alice.address, Quantity = "10", From = alice })
    assert.is_nil(alice:last())
  end)

  it("broadcasts to members only", function()
    join(alice, "10")
    join(bob, "10")
    local result = chatroom:send({ Action = "Broadcast", Data = "hello", From = alice })
    assert.no_error(result)
    assert.equals("hello", bob:last().Data)
    assert.equals(alice.address, bob:last().Sender)
    local outsider = chatroom:send({ Action = "Broadcast", Data = "hi", From = ao.wallet("carol") })
    assert.matches("Only members can broadcast", outsider.Error)
  end)
end)
